DEFAULT_LABEL = "new"


class Labels:
    objects = ["a", "b"]
