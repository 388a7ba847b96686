# A service is imported by its name.
terraform import fc_service.example my-service
