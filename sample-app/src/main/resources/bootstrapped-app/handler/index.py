"""The Lambda function of BootstrappedApp: answers with the message its stack looked up at synth time."""
import os


def handler(event, context):
    return {"message": os.environ.get("MESSAGE", "")}
