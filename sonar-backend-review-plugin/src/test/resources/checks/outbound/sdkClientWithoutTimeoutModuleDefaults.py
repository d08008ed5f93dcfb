import smtplib
import socket

import litellm

litellm.request_timeout = 30
socket.setdefaulttimeout(10)


async def ask(messages):
    return await litellm.acompletion(model="m", messages=messages)


def mail(host):
    return smtplib.SMTP(host)
