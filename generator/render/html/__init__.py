"""The digital companion as one accessible, self-contained HTML page per poster edition."""
