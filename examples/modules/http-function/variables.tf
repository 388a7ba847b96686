variable "name" {
  description = "Name of the FC service the module creates: letters, digits, '-' and '_', not starting with a digit or '-', at most 128 characters."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_-]{0,127}$", var.name))
    error_message = "The service name must consist of letters, digits, '-' and '_', must not start with a digit or '-', and must be at most 128 characters long."
  }
}

variable "description" {
  description = "Description of the service and the function."
  type        = string
  default     = "HTTP function managed by Terraform"
}

variable "runtime" {
  description = "Runtime of the function."
  type        = string
  default     = "python3.10"
}

variable "handler" {
  description = "Handler of the function, e.g. index.handler."
  type        = string
  default     = "index.handler"
}

variable "source_dir" {
  description = "Directory whose files make the function's code package; the module's own src/ when null."
  type        = string
  default     = null
}

variable "memory_size" {
  description = "Memory of the function in MB: 128 to 3072, a multiple of 64."
  type        = number
  default     = 128

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 3072 && var.memory_size % 64 == 0
    error_message = "memory_size must be between 128 and 3072 MB and a multiple of 64."
  }
}

variable "alias_name" {
  description = "Name of the alias that points at the published version and that the HTTP trigger invokes."
  type        = string
  default     = "live"
}

variable "methods" {
  description = "HTTP methods the trigger accepts."
  type        = list(string)
  default     = ["GET"]

  validation {
    condition     = length(var.methods) > 0 && alltrue([for m in var.methods : contains(["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"], m)])
    error_message = "methods must be a non-empty list of GET, POST, PUT, DELETE, HEAD and PATCH."
  }
}
