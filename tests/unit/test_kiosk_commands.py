"""`spinetui kiosk set-pin`, `spinetui kiosk check-config`, and kiosk flags on the command line."""

from __future__ import annotations

import io
import stat

from spinetui.cli import main
from spinetui.kiosk import commands
from spinetui.kiosk.config import load_config
from spinetui.kiosk.pin import verify_pin


def _set_pin(config, pin_line: str) -> tuple[int, str]:
    out = io.StringIO()
    code = commands.main(["set-pin", "--config", str(config)], stdin=io.StringIO(pin_line), out=out)
    return code, out.getvalue()


def test_set_pin_stores_only_a_hash_readable_by_the_owner(tmp_path):
    config = tmp_path / "spinetui" / "config.toml"
    code, said = _set_pin(config, "97531\n")
    assert code == 0
    assert "Ctrl+K, then Ctrl+X" in said
    text = config.read_text()
    assert "97531" not in text
    assert verify_pin("97531", load_config(config).pin_hash)
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_set_pin_keeps_the_other_settings_and_replaces_the_old_pin(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("# clinic kiosk\nkiosk = true\nidle_seconds = 60\n")
    assert _set_pin(config, "1111\n")[0] == 0
    assert _set_pin(config, "2222\n")[0] == 0
    settings = load_config(config)
    assert settings.kiosk and settings.idle_seconds == 60
    assert verify_pin("2222", settings.pin_hash) and not verify_pin("1111", settings.pin_hash)
    assert config.read_text().startswith("# clinic kiosk\n")
    assert config.read_text().count("pin_hash") == 1


def test_set_pin_refuses_a_short_pin_and_a_broken_file(tmp_path, capsys):
    config = tmp_path / "config.toml"
    assert _set_pin(config, "12\n")[0] == 2
    assert "at least 4" in capsys.readouterr().err
    assert not config.exists()
    config.write_text("kiosk = maybe\n")
    assert _set_pin(config, "123456\n")[0] == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert config.read_text() == "kiosk = maybe\n"


def test_check_config_prints_the_settings_in_force(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("kiosk = true\nidle_seconds = 45\n")
    out = io.StringIO()
    assert commands.main(["check-config", "--config", str(config)], out=out) == 0
    text = out.getvalue()
    assert "kiosk: on" in text and "idle_seconds: 45" in text
    assert "admin PIN: not set (no admin exit" in text


def test_check_config_lists_keys_it_leaves_out_and_still_passes(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('kiosk = true\n[keys]\n"reader.find" = "f3"\n"reader.bak" = "x"\n')
    out = io.StringIO()
    assert commands.main(["check-config", "--config", str(config)], out=out) == 0
    text = out.getvalue()
    assert "kiosk: on" in text and "keys: 1 of your own" in text
    assert f"spinetui: {config}:4: keys: no key binding is called 'reader.bak'" in text


def test_a_bad_config_stops_the_app_before_it_starts(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text("idle_seconds = 'soon'\n")
    assert main(["--kiosk", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert f"spinetui: {config}: idle_seconds: must be a number of seconds" in err


def test_a_named_config_file_must_exist(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "missing.toml")]) == 2
    assert "no such config file" in capsys.readouterr().err


def test_the_users_own_config_file_is_read_without_any_flag(tmp_path, monkeypatch, capsys):
    from spinetui.config_path import default_config_path

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = default_config_path()
    path.parent.mkdir(parents=True)
    path.write_text("kiosk = true\nidle_seconds = 'soon'\n")
    assert main([]) == 2
    assert f"spinetui: {path}: idle_seconds" in capsys.readouterr().err
