"""The counter's suggestions (issue 13, item 3): a quiet strip under the cart's lines.

推荐 — the member's regular products they are due for (可口可乐（约 7 天买一次，已 9 天）),
常一起买 — products often bought with what is in the cart. Each is a flat button with
its key (Alt+1 ...): a click or the key adds the product to the cart. Nothing to
suggest: the strip is hidden (no empty box).

:class:`SuggestionBar` is the view; :class:`SuggestionController` keeps it in step
with the member on screen (their view carries the due products, read with it) and the
cart (what is bought with its products is read on the worker after the cart changes,
so neither the lookup nor a scan waits for it). The rules are
``memberdesk.domain.recommend``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.recommend import SHOWN, not_in_cart
from memberdesk.ui.counter.keys import SUGGESTIONS
from memberdesk.ui.counter.work_names import job
from memberdesk.ui.shell.i18n import Retranslating, normalise

if TYPE_CHECKING:
    from memberdesk.services.analytics.recommend_read import Suggestion
    from memberdesk.services.catalog.products import ProductInfo
    from memberdesk.ui.counter.cart_controller import CartController
    from memberdesk.ui.counter.lookup_controller import LookupController
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.work import MemberView
    from memberdesk.ui.shell.tasks import TaskRunner

KEYS = SUGGESTIONS[: 2 * SHOWN]  # the key map: :mod:`memberdesk.ui.counter.keys`
SPACING = 6  # px between the row's caption and buttons


class SuggestionBar(Retranslating, QWidget):
    """Up to three due products on one row and three bought with the cart on the next
    (a row only when it has something; each button's text cut with … to fit the
    width, the whole of it in its tooltip); ``chosen(index)`` when one is clicked (its
    place in :attr:`shown`)."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        # The cart panel decides the width; the buttons' texts are cut to it (_fit).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._due: list[Suggestion] = []
        self._together: list[Suggestion] = []
        self._today: date | None = None
        self._fits = [0, 0]  # due products and companions the width shows
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.due_caption = QLabel()
        self.with_caption = QLabel()
        self.rows: list[QWidget] = []
        self.buttons: list[QToolButton] = []
        for caption in (self.due_caption, self.with_caption):
            caption.setObjectName("suggestionCaption")
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(SPACING)
            line.addWidget(caption)
            for _ in range(SHOWN):
                i = len(self.buttons)
                button = QToolButton()
                button.setObjectName(f"suggestion{i + 1}")
                button.setProperty("suggestion", True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays put
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(lambda _checked=False, i=i: self._clicked(i))
                self.buttons.append(button)
                line.addWidget(button)
            line.addStretch(1)
            self.rows.append(row)
            column.addWidget(row)
        self.hide()
        self.retranslate()

    @property
    def shown(self) -> list[Suggestion]:
        """What the keys add, in order: the due products, then those bought with the
        cart, as many of each as the width shows."""
        return [*self._due[:self._fits[0]], *self._together[:self._fits[1]]]

    def set_suggestions(self, due: Sequence[Suggestion], together: Sequence[Suggestion],
                        today: date | None) -> None:
        self._due = list(due)[:SHOWN]
        self._together = list(together)[:SHOWN]
        self._today = today
        self.retranslate()

    def _clicked(self, button: int) -> None:
        row, n = divmod(button, SHOWN)
        self.chosen.emit(n if row == 0 else self._fits[0] + n)

    def retranslate(self) -> None:
        self.due_caption.setText(self.tr("Due:"))
        self.with_caption.setText(self.tr("Often bought with these:"))
        self.rows[0].setVisible(bool(self._due))
        self.rows[1].setVisible(bool(self._together))
        self.setVisible(bool(self._due or self._together))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _whole(self, item: Suggestion, due: bool) -> str:
        if due and self._today is not None:
            return item.text(self._today, normalise(QLocale().name()))
        return item.name

    def _fit(self) -> None:
        """Each row shows as many of its products, in order, as fit whole beside its
        caption (at least one: cut with … when even that one is too wide, the whole of
        it in the tooltip). The keys number what is shown."""
        width = self.width()
        for r, (items, caption) in enumerate(((self._due, self.due_caption),
                                              (self._together, self.with_caption))):
            room = width - caption.sizeHint().width()
            used = n = 0
            for i, item in enumerate(items):
                button = self.buttons[r * SHOWN + i]
                button.ensurePolished()
                button.setText(f"{KEYS[0]}  {self._whole(item, r == 0)}")
                used += button.sizeHint().width() + SPACING
                if n and used > room:
                    break
                n += 1
            self._fits[r] = n if width > 0 else len(items)
        for i, button in enumerate(self.buttons):
            r, n = divmod(i, SHOWN)
            items = self._due if r == 0 else self._together
            if n >= self._fits[r]:
                button.hide()
                continue
            key = KEYS[n if r == 0 else self._fits[0] + n]
            whole = self._whole(items[n], r == 0)
            text = f"{key}  {whole}"
            button.setToolTip(self.tr("{name}: add to the cart ({key})").format(
                name=whole, key=key))
            button.setText(text)
            button.show()
            caption = self.due_caption if r == 0 else self.with_caption
            room = width - caption.sizeHint().width() - SPACING
            if width > 0 and button.sizeHint().width() > room:
                metrics = button.fontMetrics()
                padding = button.sizeHint().width() - metrics.horizontalAdvance(text)
                button.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                  room - padding))


class SuggestionController(QObject):
    """Fills the bar from the member view and the cart; Alt+1 … adds one."""

    def __init__(self, window: MainWindow, runner: TaskRunner, lookup: LookupController,
                 cart: CartController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.cart = cart
        self.bar: SuggestionBar = window.cart_panel.suggestions
        self._view: MemberView | None = None
        self._together: tuple[Suggestion, ...] = ()
        self._asked: tuple[int, ...] = ()
        self._generation = 0
        lookup.member_selected.connect(self._member)
        lookup.member_cleared.connect(lambda: self._member(None))
        cart.changed.connect(self._cart_changed)
        self.bar.chosen.connect(self.take)
        self.actions: list[QAction] = []
        for i, key in enumerate(KEYS):
            action = QAction(window)
            action.setObjectName(f"suggestion{i + 1}Action")
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, i=i: self.take(i))
            window.addAction(action)
            self.actions.append(action)

    def _cart_ids(self) -> tuple[int, ...]:
        return tuple(sorted({i.product_id for i in self.cart.items if i.product_id is not None}))

    def _member(self, view: MemberView | None) -> None:
        self._view = view
        self._render()

    def _cart_changed(self) -> None:
        ids = self._cart_ids()
        if ids != self._asked:
            self._asked = ids
            self._generation += 1
            generation = self._generation
            self._together = ()
            if ids:
                self.runner.call(job("cart_suggestions"), ids,
                                 on_done=lambda found: self._together_found(generation, found),
                                 on_user_error=lambda _error: None)  # quiet: only a hint
        self._render()

    def _together_found(self, generation: int, found: tuple[Suggestion, ...]) -> None:
        if generation == self._generation:
            self._together = found
            self._render()

    def _render(self) -> None:
        view = self._view
        in_cart = self._cart_ids()
        due = not_in_cart(view.suggestions if view is not None else (), in_cart)
        taken = {d.product_id for d in due}
        together = [t for t in self._together if t.product_id not in taken]
        self.bar.set_suggestions(due, together, view.today if view is not None else None)

    def take(self, index: int) -> None:
        """Add the ``index``-th suggestion shown to the cart (as if its code were typed)."""
        shown = self.bar.shown
        if self.bar.isHidden() or not 0 <= index < len(shown):
            return
        self.runner.call(job("product_with_code"), shown[index].code, on_done=self._add,
                         on_user_error=self.window.banner.show_user_error)

    def _add(self, product: ProductInfo | None) -> None:
        if product is not None:
            self.cart.add_product(product)

