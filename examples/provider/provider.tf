terraform {
  required_providers {
    fc = {
      source = "terraform-fc/fc"
    }
  }
}

# Real Function Compute in cn-hangzhou. Keep secrets out of the
# configuration: the access key pair comes from ALIBABA_CLOUD_ACCESS_KEY_ID
# and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or from a profile of the Alibaba Cloud
# CLI configuration (~/.aliyun/config.json).
provider "fc" {
  region     = "cn-hangzhou"
  account_id = "1234567890123456" # your main-account ID, part of the endpoint host

  # Optional: a named CLI profile instead of environment variables.
  # profile = "default"

  # Optional: retries of throttled or failed calls (default 5, 0 disables).
  # max_retries = 5

  # Optional: tags every fc_service carries, merged under its own tags.
  # default_tags = {
  #   managed-by = "terraform"
  # }
}
