"""The facilitator's Textual screens for a workshop."""
