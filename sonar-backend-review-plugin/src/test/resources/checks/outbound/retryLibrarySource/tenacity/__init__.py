# The retry library's own sources: "retry" is defined here, "retry()" is not a policy of the application.


class Retrying:
    def __init__(self, stop=None, wait=None):
        self.stop = stop
        self.wait = wait


def retry(*dargs, **dkw):
    if len(dargs) == 1 and callable(dargs[0]):
        return retry()(dargs[0])

    def wrap(f):
        return Retrying(*dargs, **dkw)

    return wrap
