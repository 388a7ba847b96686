# An async invoke config is imported by SERVICE/FUNCTION (the config at
# LATEST) or SERVICE/FUNCTION/QUALIFIER.
terraform import fc_function_async_invoke_config.latest my-service/my-function
terraform import fc_function_async_invoke_config.prod my-service/my-function/prod
