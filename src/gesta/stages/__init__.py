"""Pipeline stages. Each module holds one stage class: ``Article -> Article``."""
