// Adds a button wrapped in a <tp-tooltip> after load: the autoloader sees it and loads the tooltip.
let count = 0;
document.getElementById('add').addEventListener('click', () => {
  count += 1;
  const tooltip = document.createElement('tp-tooltip');
  tooltip.content = `Tooltip number ${count}, loaded on demand`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `Button ${count}`;
  tooltip.append(button);
  document.getElementById('buttons').append(tooltip);
});
