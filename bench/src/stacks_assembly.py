#!/usr/bin/env python3
"""bench/run scenarios 4 and "stacks": writes a cloud assembly with N trivial stacks spread over
five target accounts (one SSM parameter each), as `cdk synth` would, so `cdkj deploy --app DIR`
deploys it without running an app. The stacks are independent, or with --dependencies each stack
depends on the one before it and on the one at a seventh of its index (a long chain plus fan-in,
the worst case for a closure computed stack by stack).
usage: stacks_assembly.py DIR N STACK_NAME_PREFIX [--dependencies]"""
import json
import os
import sys

ACCOUNTS = [("111111111111", "us-east-2"), ("333333333333", "us-east-1"), ("444444444444", "us-east-1"),
            ("555555555555", "us-west-2"), ("666666666666", "eu-west-1")]


def main(directory, count, prefix, dependencies=False):
    os.makedirs(directory, exist_ok=True)
    artifacts = {}
    for i in range(count):
        account, region = ACCOUNTS[i % len(ACCOUNTS)]
        artifact = f"Stack{i}"
        template = {"Resources": {"Param": {"Type": "AWS::SSM::Parameter", "Properties": {
            "Name": f"/bench/{prefix}/{i}", "Type": "String", "Value": f"stack {i} in {account}"}}}}
        with open(os.path.join(directory, f"{artifact}.template.json"), "w") as f:
            json.dump(template, f, indent=1)
        artifacts[artifact] = {"type": "aws:cloudformation:stack", "environment": f"aws://{account}/{region}",
                               "properties": {"templateFile": f"{artifact}.template.json",
                                              "stackName": f"{prefix}-{i}"}}
        if dependencies:
            artifacts[artifact]["dependencies"] = ([f"Stack{i - 1}"] if i > 0 else []) + \
                                                  ([f"Stack{i // 7}"] if i >= 7 else [])
    with open(os.path.join(directory, "manifest.json"), "w") as f:
        json.dump({"version": "36.0.0", "artifacts": artifacts}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], "--dependencies" in sys.argv[4:])
