terraform {
  # 1.9 lets a variable's validation refer to other variables (max_receive_count > worker_max_attempts).
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
