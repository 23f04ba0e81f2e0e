"""REST API and dashboard (needs the `api` extra: pip install 'marsad[api]'). See ``app.create_app``."""
