"""``python -m decide`` runs the command line, as the ``decide`` script does."""

from decide.cli.main import main

if __name__ == "__main__":
    main()
