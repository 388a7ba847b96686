# A layer of Python libraries, published from a local directory.
resource "fc_layer_version" "libs" {
  layer_name         = "my-libs"
  description        = "requests and its dependencies"
  compatible_runtime = ["python3.10", "python3.9"]

  code = {
    source_dir = "${path.module}/layer"
  }

  # Set to true to keep the version in FC when Terraform destroys or
  # replaces this resource.
  skip_destroy = false

  lifecycle {
    # A changed package publishes a new version: publish it and move the
    # function to it before the old version is deleted.
    create_before_destroy = true
  }
}

resource "fc_service" "example" {
  name = "my-service"
}

resource "fc_function" "example" {
  service_name = fc_service.example.name
  name         = "my-function"
  runtime      = "python3.10"
  handler      = "index.handler"
  layers       = [fc_layer_version.libs.arn]

  code = {
    source_dir = "${path.module}/src"
  }
}
