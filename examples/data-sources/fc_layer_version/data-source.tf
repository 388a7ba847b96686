# The newest version of a layer published elsewhere.
data "fc_layer_version" "libs" {
  layer_name = "my-libs"
}

# A given version.
data "fc_layer_version" "libs_v2" {
  layer_name = "my-libs"
  version    = 2
}

resource "fc_function" "example" {
  service_name = "my-service"
  name         = "my-function"
  runtime      = "python3.10"
  handler      = "index.handler"
  layers       = [data.fc_layer_version.libs.arn]

  code = {
    source_dir = "${path.module}/src"
  }
}
