// A recommendation's button picks its location in the new lead form's partner location list.
document.addEventListener('click', function (event) {
	const button = event.target.closest('[data-pick-location]');
	if (!button) {
		return;
	}
	const select = document.getElementById('location');
	select.value = button.dataset.pickLocation;
	select.dispatchEvent(new Event('change', { bubbles: true }));
	select.focus();
});
