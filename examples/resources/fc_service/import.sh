# A service is imported by its name. FC reports an empty description, role or
# tracing_config.params as absent, so an argument configured as "" or {} shows
# as added in the first plan after the import; applying that plan sends the
# same empty value again.
terraform import fc_service.example my-service
