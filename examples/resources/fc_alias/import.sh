# An alias is imported by SERVICE/ALIAS.
terraform import fc_alias.prod my-service/prod
