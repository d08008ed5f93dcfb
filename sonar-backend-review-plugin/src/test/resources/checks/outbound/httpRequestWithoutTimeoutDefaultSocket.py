import socket
import urllib.request

socket.setdefaulttimeout(10)


def fetch(url):
    return urllib.request.urlopen(url)  # the module sets a default socket timeout
