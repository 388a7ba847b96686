# A function is imported by SERVICE/FUNCTION. The code argument cannot be read
# back from FC: the first apply after the import records it in the state and
# uploads nothing when the configured package has the checksum FC reports.
terraform import fc_function.example my-service/my-function
