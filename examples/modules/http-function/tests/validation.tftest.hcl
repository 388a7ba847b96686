# The module's input validation, checked at plan time: nothing is created.

run "name_must_not_start_with_a_digit" {
  command = plan

  variables {
    name = "1-service"
  }

  expect_failures = [var.name]
}

run "memory_must_be_a_multiple_of_64" {
  command = plan

  variables {
    name        = "valid-name"
    memory_size = 100
  }

  expect_failures = [var.memory_size]
}
