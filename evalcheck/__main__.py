from evalcheck.cli import main

main()
