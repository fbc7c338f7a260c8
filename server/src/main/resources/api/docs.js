// The reference is drawn from the document this server serves, so it shows what this build answers.
window.addEventListener('load', function () {
  window.reference = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#reference',
    deepLinking: true,
    // Nothing leaves the machine: no validator badge calling out to the internet.
    validatorUrl: null
  });
});
