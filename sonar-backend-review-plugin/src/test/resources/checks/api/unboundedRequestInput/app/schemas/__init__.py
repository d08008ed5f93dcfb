from .common import Address, Contact
from .orders import PlaceOrder

__all__ = ["Address", "Contact", "PlaceOrder"]
