# Device drivers of the sensor app.
