from generator.cli import main

if __name__ == "__main__":  # not when a worker process imports it (see parallel.py)
    main()
