# A custom domain is imported by its name. FC does not return the private
# key: the next apply sends the configured one.
terraform import fc_custom_domain.api api.example.com
