# A layer version is imported by LAYER/VERSION.
terraform import fc_layer_version.libs my-libs/3
