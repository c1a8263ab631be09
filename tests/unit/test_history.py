from spinetui.model.history import History, Location


def test_back_and_forward_walk_the_visits():
    history = History()
    for article in ("a", "b", "c"):
        history.visit(Location(article))
    assert history.back() == Location("b")
    assert history.back() == Location("a")
    assert history.back() is None
    assert history.forward() == Location("b")


def test_visiting_after_going_back_drops_the_forward_list():
    history = History()
    history.visit(Location("a"))
    history.visit(Location("b"))
    history.back()
    history.visit(Location("c"))
    assert not history.can_go_forward
    assert history.back() == Location("a")


def test_scroll_position_is_remembered_for_going_back():
    history = History()
    history.visit(Location("a", anchor="risks"))
    history.remember_scroll(42)
    history.visit(Location("b"))
    assert history.back() == Location("a", None, 42)


def test_history_is_bounded():
    history = History(limit=3)
    for n in range(10):
        history.visit(Location(str(n)))
    assert [history.back(), history.back(), history.back()] == [Location("8"), Location("7"), None]
