-- Staff accounts (SPEC §8 roles). Passwords are BCrypt hashes; roles a comma-separated set of
-- OPS, FINANCE, AUDITOR, ADMIN.
CREATE TABLE staff_account (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    username             VARCHAR(64)   NOT NULL,
    password_hash        VARCHAR(100)  NOT NULL,
    roles                VARCHAR(64)   NOT NULL,
    disabled             TINYINT(1)    NOT NULL DEFAULT 0,
    password_changed_at  DATETIME(3)   NOT NULL,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_staff_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Failed logins and lock-outs per (lower-cased) username, kept for unknown names as well, so the
-- answers never tell whether an account exists.
CREATE TABLE staff_login_guard (
    username          VARCHAR(64)  NOT NULL PRIMARY KEY,
    failed_attempts   INT          NOT NULL,
    window_started_at DATETIME(3)  NOT NULL,
    locked_until      DATETIME(3)  NULL,
    updated_at        DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
