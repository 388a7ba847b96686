# A function is imported by SERVICE/FUNCTION. The code argument cannot be read
# back from FC: the first apply after the import records it in the state and
# uploads nothing when the configured package has the checksum FC reports (an
# OSS source is fetched again, since its checksum is unknown until FC reads it).
# FC reports empty values as absent, so an argument configured as "", {} or []
# (e.g. description, environment_variables, layers, custom_dns) or a nested
# number configured as 0 shows as added in that first plan too.
terraform import fc_function.example my-service/my-function
