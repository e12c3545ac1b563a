"""The words of the exports in English and Dutch, without Qt: an export's language is chosen per export
and `phr export` runs where no Qt is loaded."""
