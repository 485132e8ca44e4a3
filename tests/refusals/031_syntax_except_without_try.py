# except without try
except ValueError:
    pass
