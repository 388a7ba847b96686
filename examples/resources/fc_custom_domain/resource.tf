# api.example.com must have a CNAME record pointing at the account's FC
# endpoint (<account-id>.<region>.fc.aliyuncs.com) before FC accepts it.
resource "fc_custom_domain" "api" {
  domain_name = "api.example.com"
  protocol    = "HTTP,HTTPS"

  route_config = {
    routes = [
      {
        # /login goes to the production alias of the service.
        path          = "/login"
        service_name  = "my-service"
        function_name = "login"
        qualifier     = "prod"
        methods       = ["GET", "POST"]
      },
      {
        # /v1/users/42 reaches the function as /users/42.
        path          = "/v1/*"
        service_name  = "my-service"
        function_name = "api"
        qualifier     = "prod"
        rewrite_config = {
          regex_rules = [{ match = "^/v1/(.*)$", replacement = "/$1" }]
        }
      },
    ]
  }

  cert_config = {
    cert_name   = "api-example-com"
    certificate = file("${path.module}/api.example.com.crt")
    # Kept in the state, marked sensitive. With Terraform 1.11 and later,
    # prefer private_key_wo (below), which never enters the state.
    private_key = file("${path.module}/api.example.com.key")
  }

  tls_config = {
    min_version = "TLSv1.2"
    max_version = "TLSv1.3"
  }

  waf_config = {
    enable_waf = true
  }
}

# The key as a write-only argument (Terraform 1.11 and later): it is sent
# to FC and never stored. Bump private_key_wo_version whenever the key (or
# the certificate) is rotated, so that Terraform sends the new one.
variable "www_private_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "fc_custom_domain" "www" {
  domain_name = "www.example.com"
  protocol    = "HTTP,HTTPS"

  route_config = {
    routes = [{
      path          = "/*"
      service_name  = "my-service"
      function_name = "web"
    }]
  }

  cert_config = {
    cert_name              = "www-example-com"
    certificate            = file("${path.module}/www.example.com.crt")
    private_key_wo         = var.www_private_key
    private_key_wo_version = 1
  }
}
