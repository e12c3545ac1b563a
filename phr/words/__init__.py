"""The words of the exports in English and Dutch, without Qt: an export's language is chosen per export
and `phr export` runs where no Qt is loaded. The words of the fixed vocabularies (vocabulary.py) and of
targets (targets.py) are the app's too: it shows them through phr.ui.text.vocabulary."""
