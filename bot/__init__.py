"""rehearse: practise hard conversations with a loved one who has a substance use disorder."""

__version__ = "0.1.0"
