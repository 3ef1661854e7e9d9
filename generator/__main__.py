import sys

try:
    from generator.cli.main import main
except KeyboardInterrupt:  # Ctrl-C while starting, before click can say so: no traceback
    sys.exit(130)

if __name__ == "__main__":  # not when a worker process imports it (see parallel.py)
    main()
