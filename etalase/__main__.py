from etalase.cli import main

main()
