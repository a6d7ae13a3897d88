# Issue 14 item 1: 100 load balancers x 4 HTTP listeners, each with an LB cookie stickiness
# policy, against a local `emulator serve`. Run through bench/terraform-lost-answers, which counts
# the requests the provider had to retry because their answer never arrived.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
variable "port" {}
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    elb = "http://127.0.0.1:${var.port}"
    ec2 = "http://127.0.0.1:${var.port}" # DescribeSecurityGroups of a load balancer in the default VPC
  }
}
locals {
  pairs = flatten([for i in range(100) : [for j in range(4) : { lb = i, port = 80 + j }]])
}
resource "aws_elb" "lb" {
  count              = 100
  name               = "lb-${count.index}"
  availability_zones = ["us-east-1a"]
  dynamic "listener" {
    for_each = [80, 81, 82, 83]
    content {
      instance_port     = listener.value
      instance_protocol = "http"
      lb_port           = listener.value
      lb_protocol       = "http"
    }
  }
}
resource "aws_lb_cookie_stickiness_policy" "p" {
  count                    = 400
  name                     = "p-${local.pairs[count.index].port}"
  load_balancer            = aws_elb.lb[local.pairs[count.index].lb].name
  lb_port                  = local.pairs[count.index].port
  cookie_expiration_period = 600
}
