# A trigger is imported by SERVICE/FUNCTION/TRIGGER.
terraform import fc_trigger.nightly my-service/report/nightly
