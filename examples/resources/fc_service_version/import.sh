# A version is imported by SERVICE/VERSION.
terraform import fc_service_version.release my-service/3
