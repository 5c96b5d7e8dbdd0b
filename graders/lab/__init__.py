"""What trainees' notebooks import: finding and reading the world's public part, the self-check, answer
readers, the productions loader. Nothing here can reach the answer key by any import (a test proves it)."""
