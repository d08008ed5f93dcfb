# A class named RunPython that is not Django's: not reported
class RunPython:
    def __init__(self, code):
        self.code = code


RunPython(print)
