# A provision config is imported by SERVICE/QUALIFIER/FUNCTION.
terraform import fc_provision_config.prod my-service/prod/my-function
