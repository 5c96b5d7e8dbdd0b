"""The money stages: accounts, the benign economy, the operations' planted flows, the LabCoin chain, payment details."""
