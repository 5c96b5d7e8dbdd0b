"""explorer.example (LabCoin Explorer): pages, the Esplora-style JSON API, reads of the public chain, input parsing."""
