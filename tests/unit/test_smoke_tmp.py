from memberdesk.services.integrity import check_database


def test_shop(db, staff):
    assert staff["cashier"].role.value == "cashier"
    assert check_database(db) == []
