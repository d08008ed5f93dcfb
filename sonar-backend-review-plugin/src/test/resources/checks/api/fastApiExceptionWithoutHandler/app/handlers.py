def register_handlers(app):
    pass
